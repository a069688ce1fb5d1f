ANN=[("8 percent","FIGURE"),("Thursday","DATE"),("Biden","PERSON"),("Grist","ORG"),("11 percent","FIGURE"),("28 percent","FIGURE"),("40 percent","FIGURE"),
("Energy Star","PROJECT"),("March 1, 2028","DATE"),("Department of Energy","ORG"),("$2.2 billion a year","FIGURE"),("30 years","FIGURE"),("71 million tons","FIGURE"),
("9 million homes","FIGURE"),("last fall","DATE"),("six appliance categories","FIGURE"),("today","DATE"),("$120 per year","FIGURE"),
("Appliance Standards Awareness Project","ORG"),("Jill Notini","PERSON"),("Association of Home Appliance Manufacturers","ORG"),("AHAM","ORG"),("Fox News","ORG"),
("Joanna Mauer","PERSON"),("Mauer","PERSON"),("Consumer Reports","ORG"),("2022","DATE"),("2023","DATE"),("six years","FIGURE"),("White House","ORG"),
("Trump","PERSON"),("Joe Vukovich","PERSON"),("National Resources Defense Council","ORG")]
IGN=[("the coming months",),("more than a decade",)]
