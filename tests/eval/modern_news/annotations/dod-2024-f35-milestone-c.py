ANN=[("F-35 Program","PROJECT"),("F-35","PROJECT"),("F-35 Lightning II","PROJECT"),("Earlier today","DATE"),("William A. LaPlante","PERSON"),("LaPlante","PERSON"),
("Defense Acquisition Board","ORG"),("DAB","ORG"),("March 7, 2024","DATE"),("Department of Defense","ORG"),("Foreign Military Sales","PROJECT"),("FMS","PROJECT"),
("National Defense Strategy","PROJECT"),("Mike Schmidt","PERSON"),("F-35 Joint Program Office","ORG"),("September 2023","DATE"),
("Joint Simulation Environment","PROJECT"),("JSE","PROJECT"),("DOT&E","ORG"),("Operational Test & Evaluation","ORG"),("Raymond D. O’Toole, Jr.","PERSON"),
("F-35-In-A-Box","PROJECT"),("990","FIGURE"),("U.S.","PLACE")]
IGN=[("Milestone C",),("MSC/FRP",),("MS C/FRP",),("F-35 Combined Initial Operational Test and Evaluation and Live Fire Test and Evaluation Report",),
("F-35 Cooperative Program Partners",),("the last decade",),("F-35 Runs for Score",),("Block 4",),("30P06",),("30P07",)]
