ANN=[("Connecticut","PLACE"),("Florida","PLACE"),("Oregon","PLACE"),("Earth","PLACE"),("Senate","ORG"),("Tom Swan","PERSON"),("Swan","PERSON"),
("Connecticut Citizen Action Group","ORG"),("last year","DATE"),("5 percent","FIGURE"),("United States","PLACE"),("Constitution","PROJECT"),("Ned Lamont","PERSON"),
("$221 billion","FIGURE"),("$318 million","FIGURE"),("FEMA","ORG"),("2011","DATE"),("2021","DATE"),("$149","FIGURE"),("Rebuild by Design","ORG"),("Louisiana","PLACE"),
("$1,736","FIGURE"),("Delaware","PLACE"),("Eric George","PERSON"),("Insurance Association of Connecticut","ORG"),("Vermont","PLACE"),("Maryland","PLACE"),
("Risalat Khan","PERSON"),("Sunrise Project","ORG"),("Benjamin Keys","PERSON"),("University of Pennsylvania","ORG")]
IGN=[("tens or hundreds of millions of dollars",),("the past decade",),("recent years",)]
