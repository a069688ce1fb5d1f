ANN=[("Mount Rushmore","PLACE"),("Mount Rushmore National Memorial","PLACE"),("USGS","ORG"),("National Park Service","ORG"),("106","FIGURE"),
("11 soil samples","FIGURE"),("2011","DATE"),("2015","DATE"),("Galen Hoogestraat","PERSON"),("54 micrograms per liter","FIGURE"),("38 µg/L","FIGURE"),
("0.2 µg/L","FIGURE"),("1930s","DATE"),("3 million visitors","FIGURE"),("U.S. Environmental Protection Agency","ORG"),("Cheryl Schreier","PERSON"),
("USGS South Dakota Water Science Center","ORG")]
IGN=[("1998-2009 Independence Days",)]
