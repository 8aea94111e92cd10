//go:build goexperiment.greenteagc && go1.27 && gc && unix && amd64.v1 && !cgo

package selection

const Selected = OS + "/" + Arch
