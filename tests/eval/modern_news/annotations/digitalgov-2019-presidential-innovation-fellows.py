ANN=[("2019","DATE"),("Presidential Innovation Fellows","PROJECT"),("PIF","PROJECT"),("seventeen entrepreneurs","FIGURE"),("eleven agencies","FIGURE"),
("Joshua Di Frances","PERSON"),("six years","FIGURE"),("2018","DATE"),("Foreign Investment Risk Review Modernization Act of 2018","PROJECT"),("FIRRMA","PROJECT"),
("Michael Brown","PERSON"),("Brown","PERSON"),("Defense Innovation Unit","ORG"),("Clarice Chan","PERSON"),("Clarice","PERSON"),("Seattle","PLACE"),("Washington","PLACE"),
("Office of Chief Technology Officer","ORG"),("Department of Veterans Affairs","ORG"),("Disney","ORG"),("Adobe","ORG"),("NASA","ORG"),("Microsoft","ORG"),
("Nelson A. Colon Vargas","PERSON"),("Nelson","PERSON"),("Puerto Rico","PLACE"),("10 years","FIGURE"),("Adam Drake","PERSON"),("Adam","PERSON"),("Drake","PERSON"),
("Texas","PLACE"),("United States Marine Corps","ORG"),("Atazzo","ORG"),("Maria Lynne Dayton","PERSON"),("Dayton","PERSON"),("Maria","PERSON"),
("San Francisco","PLACE"),("California","PLACE"),("U.S. General Services Administration","ORG"),("White House Office of Management and Budget","ORG"),
("20 development and IT projects","FIGURE"),("Singularity University","ORG"),("Transterra Media","ORG"),("2013","DATE"),("Mashable","ORG"),
("Ali Diallo","PERSON"),("Ali","PERSON"),("Boston","PLACE"),("Massachusetts","PLACE"),("Millennium Challenge Corporation","ORG"),("ten years","FIGURE"),
("United Ventures","ORG"),("MIT Legatum Center","ORG"),("MIT","ORG"),("VentureBeat","ORG"),("Georgeta Dragoiu","PERSON"),("Dragoiu","PERSON"),("Georgeta","PERSON"),
("Washington, D.C.","PLACE"),("National Institutes of Health","ORG"),("All of Us Research Program","PROJECT"),("Harvard Kennedy School","ORG"),
("University of Chicago","ORG"),("Washington Post","ORG"),("Christian Science Monitor","ORG"),("TribTalk","ORG")]
IGN=[("PIFs",),("Fortune 100",),("Fortune 50",),("Intellectual Property Products & Solutions",),("The Woodlands",),("Top 25 Startups in Unlikely Places",),("The Hill",)]
