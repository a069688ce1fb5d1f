ANN=[("10x","PROJECT"),("25 Projects","FIGURE"),("119 KB","FIGURE"),("8 pages","FIGURE"),("300 ideas","FIGURE"),("220 new ideas","FIGURE"),("114 ideas","FIGURE"),
("three criteria","FIGURE"),("Digital Services Fund","PROJECT"),("GSA","ORG"),("two graphs","FIGURE"),("41.9%","FIGURE"),("58.1%","FIGURE"),("59.3%","FIGURE"),
("40.7%","FIGURE"),("TTS","ORG"),("six","FIGURE"),("25%","FIGURE"),("Twenty-two percent","FIGURE"),("14%","FIGURE"),("37%","FIGURE"),("30%","FIGURE"),("11%","FIGURE"),
("early in the fourth quarter of 2020","DATE")]
IGN=[("Figure 1",),("Figure 2",),("the next several weeks",),("10x.gsa.gov/the-10x-process/",),("10x.gsa.gov",),("the Federal Government",),("General Counsel",)]
