ANN=[("NIST","ORG"),("National Institute of Standards and Technology","ORG"),("Environmental Science and Technology","ORG"),("Christopher Zangmeister","PERSON"),
("Zangmeister","PERSON"),("two groups","FIGURE"),("5 millimeters","FIGURE"),("one millionth of a meter","FIGURE"),("one micrometer","FIGURE"),("two types","FIGURE"),
("100 degrees Celsius","FIGURE"),("212 degrees Fahrenheit","FIGURE"),("20 minutes","FIGURE"),("100 nanometers","FIGURE"),("30 nanometers","FIGURE"),
("80 nanometers","FIGURE"),("200 nanometers","FIGURE"),("seven times","FIGURE"),("Antarctica","PLACE")]
IGN=[("the last decade",),("Fourier-transform",)]
