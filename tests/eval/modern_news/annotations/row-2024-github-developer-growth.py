ANN=[("GitHub","ORG"),("Earth","PLACE"),("Innovation Graph","PROJECT"),("January 18","DATE"),("three months","FIGURE"),("September 2023","DATE"),
("945,696 Bangladeshi developers","FIGURE"),("2022","DATE"),("568,145 developers","FIGURE"),("two-thirds","FIGURE"),("Rest of World","ORG"),("three-month","FIGURE"),
("September","DATE",1),("December 2023","DATE"),("500,000 active developer accounts","FIGURE"),("Vatican City","PLACE"),("Mariana Islands","PLACE"),("U.S.","PLACE"),
("20.2 million developers","FIGURE"),("India","PLACE"),("13.3 million","FIGURE"),("China","PLACE"),("6.9 million","FIGURE"),("Brazil","PLACE"),("5.4 million","FIGURE"),
("Bangladesh","PLACE"),("Nigeria","PLACE"),("1 million accounts","FIGURE"),("Mike Linksvayer","PERSON"),("bKash","ORG"),("180 million people","FIGURE"),
("90 million people","FIGURE"),("Opay","ORG"),("Jumia","ORG"),("Flutterwave","ORG"),("December","DATE",1)]
IGN=[("the past year",),("the previous year",),("the most recent quarter",),("the age of 25",)]
