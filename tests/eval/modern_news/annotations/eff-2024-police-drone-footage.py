ANN=[("California","PLACE"),("last week","DATE"),("California Court of Appeal for the Fourth District","ORG"),("California Court of Appeal","ORG"),
("Chula Vista Police Department","ORG"),("Chula Vista","PLACE"),("Drones as First Responders","PROJECT"),("DFR","PROJECT"),("U.S.","PLACE"),
("Arturo Castañares","PERSON"),("Castañares","PERSON"),("La Prensa","ORG"),("California Public Records Act","PROJECT"),("CPRA","PROJECT"),
("EFF","ORG"),("First Amendment Coalition","ORG"),("Reporters Committee for Freedom of the Press","ORG"),
("Beverly Hills Police Department","ORG"),("Irvine Police Department","ORG"),("Fremont Police Department","ORG")]
IGN=[("911",)]
