module escapelab

go 1.27
