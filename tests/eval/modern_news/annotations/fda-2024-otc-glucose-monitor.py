ANN=[("FDA","ORG"),("March 05, 2024","DATE"),("Today","DATE"),("U.S. Food and Drug Administration","ORG"),("Dexcom Stelo Glucose Biosensor System","PROJECT"),
("Stelo Glucose Biosensor System","PROJECT"),("18 years","FIGURE"),("Jeff Shuren","PERSON"),("Center for Devices and Radiological Health","ORG"),("CDRH","ORG"),
("U.S.","PLACE"),("15 days","FIGURE"),("15 minutes","FIGURE")]
