ANN=[("NASA","ORG"),("LRO","PROJECT"),("Lunar Reconnaissance Orbiter","PROJECT"),("SKorea","PLACE"),("Danuri","PROJECT"),("Moon","PLACE"),
("April 9, 2024","DATE"),("11,500 kilometers per hour","FIGURE"),("15 years","FIGURE"),("Korea Aerospace Research Institute","ORG"),("last month","DATE"),
("two spacecraft","FIGURE"),("March 5 and 6, 2024","DATE"),("LROC","PROJECT"),("three orbits","FIGURE"),("7,200 miles","FIGURE"),("11,500 kilometers","FIGURE"),
("Goddard Space Flight Center","ORG"),("Greenbelt","PLACE"),("Maryland","PLACE"),("Republic of Korea","PLACE"),("December 2022","DATE"),
("0.338 milliseconds","FIGURE"),("10 times","FIGURE"),("Science Mission Directorate","ORG"),("NASA Headquarters","ORG"),("Washington","PLACE"),
("June 18, 2009","DATE"),("seven powerful instruments","FIGURE")]
