ANN=[
("U.S.","PLACE"),("January 2024","DATE"),("American Airlines","ORG"),("2023","DATE"),("US$30","FIGURE"),
("today","DATE"),("Today","DATE"),("March 2024","DATE"),("$40","FIGURE"),("33%","FIGURE"),("7.5%","FIGURE"),
("Code of Federal Regulations","PROJECT"),("$300","FIGURE"),("$22.50","FIGURE"),("$220","FIGURE"),("$16.50","FIGURE"),
("$6","FIGURE"),("Last year","DATE"),("last year","DATE"),("800 million trips","FIGURE"),("2002","DATE"),("$180 million","FIGURE"),
("33 cents","FIGURE"),("40 times","FIGURE"),("$7 billion","FIGURE"),("$9","FIGURE"),("half a billion dollars","FIGURE"),
("two decades","FIGURE"),("$70 billion","FIGURE"),("$5 billion","FIGURE"),("225 miles","FIGURE"),("$35","FIGURE"),
("Europe","PLACE"),("Asia","PLACE"),("Bureau of Transportation Statistics","ORG"),("2007","DATE"),("seven reports","FIGURE"),
("2018","DATE"),("350 flights","FIGURE"),("2019","DATE"),("six bags","FIGURE"),("1%","FIGURE"),("2010","DATE"),("two senators","FIGURE"),
]
IGN=[("Five out of the six",),("every thousand passengers",),("every 140 or so flights",),("thousand checked",)]
