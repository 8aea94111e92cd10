package inner

var Value = 1

func Use(int) {}
