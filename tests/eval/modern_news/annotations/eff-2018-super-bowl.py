ANN=[("NFL","ORG"),("Sunday","DATE"),("2007","DATE"),("Indiana","PLACE"),("Windex","PROJECT")]
IGN=[("Super Bowl",),("Super Sunday",),("The Big Game",),("Big Game",),("Superb Owl",),("Coca-Cola",),("Voldemort",)]
