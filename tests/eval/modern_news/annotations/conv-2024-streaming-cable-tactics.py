ANN=[("Netflix","ORG"),("Disney+","PROJECT"),("Hulu","ORG"),("2024","DATE"),("Amazon","ORG"),("Max","PROJECT"),("late 1980s","DATE"),("1960s","DATE"),
("CBS","ORG"),("NBC","ORG"),("ABC","ORG"),("late 1940s","DATE"),("1963","DATE"),("Pat Weaver","PERSON"),("Weaver","PERSON"),("STV","ORG"),("1964","DATE"),
("First Amendment","PROJECT"),("1970s","DATE"),("mid-1970s","DATE"),("1975","DATE"),("HBO","ORG"),("Muhammad Ali","PERSON"),("Joe Frazier","PERSON"),
("1972","DATE"),("US$29 million","FIGURE"),("$769 million","FIGURE"),("1980","DATE")]
IGN=[("24/7 Politics: Cable Television and the Fragmenting of America from Watergate to Fox News",),("Big Three",),("Thrilla in Manila",)]
