ANN=[("UK","PLACE"),("70 years","FIGURE"),("ten years","FIGURE"),("2003","DATE"),("2020","DATE"),
("Civil Nuclear: Roadmap to 2050","PROJECT"),("2006","DATE"),("Tony Blair","PERSON"),("three volume","FIGURE"),
("RAND Corporation","ORG"),("Ministry of Defence","ORG"),("MoD","ORG"),("2007","DATE"),("BAE Systems","ORG"),("2014","DATE"),
("2017","DATE"),("Rolls Royce","ORG"),("Hinkley Point C power plant","PROJECT"),("US","PLACE"),("France","PLACE"),("Russia","PLACE"),
("China","PLACE"),("Emmanuel Macron","PERSON"),("European Union","ORG"),("Germany","PLACE")]
IGN=[("hundreds of millions of pounds",)]
