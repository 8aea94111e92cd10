// errorcheck

// A pointer to an interface does not implement it (types2 interfacePtrError).

package p

type I interface{ M() }

func _(p *I) {
	var _ I = p       // ERROR "cannot use p \(variable of type \*I\) as I value in variable declaration: \*I does not implement I \(type \*I is pointer to interface, not interface\)"
	var _ *I = new(int) // ERROR "\*int does not implement \*I \(type \*I is pointer to interface, not interface\)"
}
