ANN=[("Norway","PLACE"),("Oslo","PLACE"),("three petroleum production licenses","FIGURE"),("Equinor","ORG"),("Aker BP","ORG"),
("North Sea","PLACE"),("UK","PLACE"),("67%","FIGURE"),("95%","FIGURE"),("2°C","FIGURE"),("2050","DATE"),("1.5°C","FIGURE"),
("2020","DATE"),("Norwegian Supreme Court","ORG"),("Norwegian Ministry of Energy","ORG"),("Supreme Court","ORG"),
("Greenpeace","ORG"),("Uplift","ORG"),("Rosebank oil and gas field","PROJECT"),("Shetland","PLACE")]
IGN=[("the last few years",),("People v Arctic Oil",),("a third of the world’s oil",),("half of its gas reserves",),("scope 3",)]
