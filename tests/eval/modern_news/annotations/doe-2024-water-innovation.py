ANN=[("Department of Energy","ORG"),("$75 Million","FIGURE"),("National Alliance for Water Innovation","ORG"),("Washington, D.C.","PLACE"),("Today","DATE"),
("U.S. Department of Energy","ORG"),("DOE","ORG"),("NAWI","ORG"),("$75 million","FIGURE"),("five years","FIGURE"),("America","PLACE"),("2050","DATE"),
("Jeff Marootian","PERSON"),("Office of Energy Efficiency and Renewable Energy","ORG"),("U.S.","PLACE"),("60 projects","FIGURE"),("United States","PLACE"),
("NAWI Master Roadmap","PROJECT"),("five sector-specific roadmaps","FIGURE")]
