ANN=[("FTC","ORG"),("Federal Trade Commission","ORG"),("Today","DATE"),("8,500 new startups","FIGURE"),("Lina M. Khan","PERSON"),
("2.7% per year","FIGURE"),("8,500 additional new businesses","FIGURE"),("$524 per year","FIGURE"),("$194 billion","FIGURE"),("17,000","FIGURE"),("29,000","FIGURE"),
("10 years","FIGURE"),("30 million workers","FIGURE"),("0.75%","FIGURE"),("January 2023","DATE"),("90-day","FIGURE"),("26,000 comments","FIGURE"),
("25,000 comments","FIGURE"),("FTC Act","PROJECT"),("95%","FIGURE"),("$151,164","FIGURE"),("Melissa Holyoak","PERSON"),("Andrew N. Ferguson","PERSON"),
("Rebecca Kelly Slaughter","PERSON"),("Alvaro Bedoya","PERSON"),("120 days","FIGURE"),("Federal Register","ORG"),("Bureau of Competition","ORG")]
IGN=[("Commission",),("the next decade",),("one in five",),("3-2",),("noncompete@ftc.gov",)]
