ANN=[("2011","DATE"),("Randi Zuckerberg","PERSON"),("Mark","PERSON"),("Facebook","ORG"),("45 million comments","FIGURE"),
("Huffington Post","ORG"),("January 2013","DATE"),("February 2015","DATE"),("three distinct phases","FIGURE"),("three phases","FIGURE")]
