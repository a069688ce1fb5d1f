ANN=[("Google","ORG"),("this year","DATE"),("This year","DATE"),("Privacy Badger","PROJECT"),("Manifest V2","PROJECT"),("Manifest V3","PROJECT"),
("MV3","PROJECT"),("Chrome","PROJECT"),("Chromium","PROJECT"),("85%","FIGURE"),("50,000 websites","FIGURE"),("225 billion dollars","FIGURE"),
("2022","DATE"),("Apple","ORG"),("Safari","PROJECT"),("Topics API","PROJECT"),("Privacy Sandbox","PROJECT"),("YouTube","ORG"),("Youtube","ORG"),
("8 billion dollars","FIGURE"),("third quarter","DATE"),("2023","DATE")]
IGN=[("Year In Review",),("Year in Review",)]
