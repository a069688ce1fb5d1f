ANN=[("Tuesday","DATE"),("ProPublica","ORG"),("Texas","PLACE"),("RealPage","ORG"),("Seattle","PLACE"),("10 property managers","FIGURE"),("70%","FIGURE"),
("Ron Wyden","PERSON"),("Wyden","PERSON"),("2022","DATE"),("U.S. Department of Justice","ORG"),("Senate","ORG"),("October 2023","DATE"),("Peter Welch","PERSON"),
("Vermont","PLACE"),("Amy Klobuchar","PERSON"),("Minnesota","PLACE"),("two information-coordinating companies","FIGURE"),("Yardi","ORG"),("2020","DATE"),
("Preventing the Algorithmic Facilitation of Rental Housing Cartels Act","PROJECT"),("Nashville","PLACE"),("Tennessee","PLACE"),("50 large landlords","FIGURE"),
("December","DATE"),("Diane Yentel","PERSON"),("National Low Income Housing Coalition","ORG")]
IGN=[("D-Ore.",),("Democrats",),("two or more rental owners",)]
