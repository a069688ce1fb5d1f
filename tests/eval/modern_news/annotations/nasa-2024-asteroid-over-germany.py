ANN=[("NASA","ORG"),("Germany","PLACE"),("Scout","PROJECT"),("2024 BX1","PLACE"),("2008 TC3","PLACE"),("2023 CX1","PLACE"),("Earth","PLACE"),
("Sunday, Jan. 21","DATE"),("95 minutes","FIGURE"),("3 feet","FIGURE"),("1 meter","FIGURE"),("Czech Republic","PLACE"),("37 miles","FIGURE"),("60 kilometers","FIGURE"),
("Berlin","PLACE"),("Congress","ORG"),("140 meters","FIGURE"),("three hours","FIGURE"),("Krisztián Sárneczky","PERSON"),("Konkoly Observatory","ORG"),
("Budapest","PLACE"),("Hungary","PLACE"),("Minor Planet Center","ORG"),("Center for Near Earth Object Studies","ORG"),("CNEOS","ORG"),
("Jet Propulsion Laboratory","ORG"),("Southern California","PLACE"),("Planetary Defense Coordination Office","ORG"),("PDCO","ORG"),
("NASA Headquarters","ORG"),("Washington","PLACE"),("three observations","FIGURE"),("27 minutes","FIGURE"),("Europe","PLACE"),("Seventy minutes","FIGURE"),
("100%","FIGURE"),("Sudan","PLACE"),("October 2008","DATE"),("13-foot","FIGURE"),("4-meter","FIGURE"),("Nubian Desert","PLACE"),("early 2023","DATE"),
("seven hours","FIGURE"),("France","PLACE")]
IGN=[("near-Earth",),("Earth-bound",),("1:32 a.m. local time (CET)",),("Piszkéstető Mountain Station",),("Near-Earth Object Confirmation Page",)]
