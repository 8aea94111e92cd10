module escapist.test/oracle

go 1.22
