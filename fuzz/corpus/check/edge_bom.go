package p

var s = "﻿"
