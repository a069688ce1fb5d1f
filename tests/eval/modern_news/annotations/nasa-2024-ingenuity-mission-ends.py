ANN=[("Three Years","FIGURE"),("Mars","PLACE"),("NASA","ORG"),("Ingenuity","PROJECT"),("Ingenuity Mars Helicopter","PROJECT"),("Red Planet","PLACE"),
("Jan. 18","DATE"),("Earth","PLACE"),("this week","DATE"),("five experimental test flights","FIGURE"),("30 days","FIGURE"),("three years","FIGURE"),
("72 flights","FIGURE"),("14 times","FIGURE"),("two hours","FIGURE"),("Bill Nelson","PERSON"),("Nelson","PERSON"),("Today","DATE"),("today","DATE"),
("Thursday","DATE"),("Jan. 25","DATE"),("Lori Glaze","PERSON"),("Planetary Science Division","ORG"),("Science Mission Directorate","ORG"),
("Washington","PLACE"),("Laurie Leshin","PERSON"),("Leshin","PERSON"),("Jet Propulsion Laboratory","ORG"),("Southern California","PLACE"),
("Teddy Tzanetos","PERSON"),("NASA JPL","ORG"),("Feb. 18, 2021","DATE"),("April 19","DATE"),("Perseverance","PROJECT"),("four flights","FIGURE"),
("2023","DATE"),("two successful flight tests","FIGURE"),("40 feet","FIGURE"),("12 meters","FIGURE"),("4.5 seconds","FIGURE"),
("3.3 feet per second","FIGURE"),("1 meter per second","FIGURE"),("3 feet","FIGURE"),("1 meter","FIGURE"),("1,000 Martian days","FIGURE"),
("33 times","FIGURE"),("48 different airfields","FIGURE"),("three emergency landings","FIGURE"),("Wright Flyer","PROJECT"),("72 times","FIGURE"),
("NASA Headquarters","ORG"),("Ames Research Center","ORG"),("California","PLACE"),("Silicon Valley","PLACE"),("Langley Research Center","ORG"),
("Hampton","PLACE"),("Virginia","PLACE"),("AeroVironment Inc.","ORG"),("Qualcomm","ORG"),("SolAero","ORG"),("Lockheed Space","ORG"),
("Mars Helicopter Delivery System","PROJECT"),("Dave Lavery","PERSON")]
IGN=[("5 p.m. EST",),("The following day",),("several days later",)]
