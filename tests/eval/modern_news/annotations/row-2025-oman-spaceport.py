ANN=[("Oman","PLACE"),("Arabian Sea","PLACE"),("three separate complexes","FIGURE"),("2027","DATE"),("this past April","DATE"),("three large tents","FIGURE"),
("Julanda Al-Riyami","PERSON"),("Al-Riyami","PERSON"),("Etlaq","ORG"),("50 people","FIGURE"),("Rest of World","ORG"),("$630 billion","FIGURE"),("2023","DATE"),
("300%","FIGURE"),("Middle East","PLACE"),("Africa","PLACE"),("$18 billion","FIGURE"),("United Arab Emirates","PLACE"),("40%","FIGURE"),("Mars","PLACE"),
("Japan","PLACE"),("2020","DATE"),("2028","DATE"),("Saudi Arabia","PLACE"),("$8.7 billion","FIGURE"),("22 active launch sites","FIGURE"),("Russia","PLACE"),
("China","PLACE"),("U.S.","PLACE"),("Ana Escrogima","PERSON")]
IGN=[("a dozen",),("Etlaq Fan Experience",),("the next morning",),("the next decade",),("Over half",)]
