// errorcheck -0 -m

// Mutually recursive functions returning closures that call each other: each inlined call
// pastes another closure call, and only canInlineCallExpr's position check (a call's own
// source position is one of the call sites it was pasted through) stops the inlining
// (golang.org/issue/71680's shape; escapist used to inline forever).

package p

type Parser struct{}
type Node struct{}

type parserState func(p *Parser) parserState

func parserStateData(root *Node) parserState { // ERROR "can inline parserStateData$" "leaking param: root$"
	return func(p *Parser) parserState { // ERROR "can inline parserStateData\.func1$" "can inline parserStateData\.1$" "leaking param: p$" "func literal escapes to heap$"
		return parserStateOpenMap(root)(p) // ERROR "inlining call to parserStateOpenMap$" "inlining call to parserStateOpenMap\.1$" "inlining call to parserStateData$" "inlining call to parserStateData\.1$" "func literal does not escape$"
	}
}

func parserStateOpenMap(root *Node) parserState { // ERROR "can inline parserStateOpenMap$" "leaking param: root$"
	return func(p *Parser) parserState { // ERROR "can inline parserStateOpenMap\.func1$" "can inline parserStateOpenMap\.1$" "leaking param: p$" "func literal escapes to heap$"
		switch {
		case p != nil:
			return parserStateData(root)(p) // ERROR "inlining call to parserStateData$" "inlining call to parserStateData\.1$" "inlining call to parserStateOpenMap$" "inlining call to parserStateOpenMap\.1$" "func literal does not escape$"
		}
		return parserStateOpenMap(root)(p) // ERROR "inlining call to parserStateOpenMap$" "inlining call to parserStateOpenMap\.1$" "inlining call to parserStateData$" "inlining call to parserStateData\.1$" "func literal does not escape$"
	}
}

