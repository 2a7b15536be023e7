package pdfcheck

import "fmt"

// pageContent is what one page's content stream shows, as the checks see
// it: which MCIDs it marks and what it draws outside marked content.
type pageContent struct {
	mcids           map[int]int // MCID → number of sequences that carry it
	textOps         int         // text-showing operators: Tj TJ ' "
	textOutside     int         // of them, outside real content and artifacts
	pathsOutside    int         // path-painting operators outside both
	xobjectsOutside int         // Do (images, forms) outside both
	artifacts       int         // /Artifact sequences
	problems        []string    // unbalanced BMC/BDC/EMC, artifacts and MCIDs nested in each other
}

// mcFrame is one open marked-content sequence.
type mcFrame struct {
	tag      string
	mcid     int
	hasMCID  bool
	artifact bool
}

// propertyMCID looks up a BDC property list given by name in the page's
// /Properties resources and returns its MCID, if any.
type propertyMCID func(resource string) (int, bool)

// scanContent tokenizes a decoded content stream and tracks the nesting
// of marked content (BMC, BDC, EMC) around every drawing operator.
func scanContent(b []byte, props propertyMCID) pageContent {
	pc := pageContent{mcids: map[int]int{}}
	l := lexer{b: b}
	var operands []any
	var stack []mcFrame
	for {
		v, op, isOp, ok := l.next()
		if !ok {
			break
		}
		if !isOp {
			operands = append(operands, v)
			continue
		}
		switch op {
		case "BMC", "BDC":
			f := openFrame(op, operands, props)
			pc.noteOpen(f, stack)
			stack = append(stack, f)
		case "EMC":
			if len(stack) == 0 {
				pc.problems = append(pc.problems, fmt.Sprintf("EMC without an open sequence at byte %d", l.pos))
			} else {
				stack = stack[:len(stack)-1]
			}
		case "ID":
			l.skipInlineImage()
		default:
			pc.noteDrawing(op, stack)
		}
		operands = operands[:0]
	}
	if len(stack) > 0 {
		pc.problems = append(pc.problems, fmt.Sprintf("%d marked-content sequence(s) not closed at the end of the stream", len(stack)))
	}
	return pc
}

// openFrame reads the tag and the MCID of a BMC or BDC.
func openFrame(op string, operands []any, props propertyMCID) mcFrame {
	var f mcFrame
	if len(operands) > 0 {
		if t, ok := operands[0].(name); ok {
			f.tag = string(t)
		}
	}
	f.artifact = f.tag == "Artifact"
	if op != "BDC" || len(operands) < 2 {
		return f
	}
	switch p := operands[1].(type) {
	case map[string]any:
		if n, ok := p["MCID"].(float64); ok {
			f.mcid, f.hasMCID = int(n), true
		}
	case name:
		if props != nil {
			f.mcid, f.hasMCID = props(string(p))
		}
	}
	return f
}

// noteOpen counts a newly opened sequence and notes an artifact inside
// real content or real content inside an artifact (Matterhorn 01-003,
// 01-004).
func (pc *pageContent) noteOpen(f mcFrame, stack []mcFrame) {
	if f.artifact {
		pc.artifacts++
	}
	if f.hasMCID {
		pc.mcids[f.mcid]++
	}
	inContent, inArtifact := state(stack)
	switch {
	case f.artifact && inContent:
		pc.problems = append(pc.problems, "an artifact inside real content")
	case f.hasMCID && inArtifact:
		pc.problems = append(pc.problems, fmt.Sprintf("MCID %d inside an artifact", f.mcid))
	}
}

// state says whether the open sequences make the current content real
// content (some sequence has an MCID) or an artifact.
func state(stack []mcFrame) (inContent, inArtifact bool) {
	for _, f := range stack {
		inContent = inContent || f.hasMCID
		inArtifact = inArtifact || f.artifact
	}
	return inContent, inArtifact
}

// noteDrawing counts a drawing operator that stands outside both real
// content and artifacts.
func (pc *pageContent) noteDrawing(op string, stack []mcFrame) {
	kind := drawingKind(op)
	if kind == notDrawing {
		return
	}
	if kind == drawsText {
		pc.textOps++
	}
	inContent, inArtifact := state(stack)
	if inContent || inArtifact {
		return
	}
	switch kind {
	case drawsText:
		pc.textOutside++
	case paintsPath:
		pc.pathsOutside++
	case drawsXObject:
		pc.xobjectsOutside++
	}
}

// drawing is the kind of mark an operator makes on the page.
type drawing int

const (
	notDrawing drawing = iota
	drawsText
	paintsPath
	drawsXObject
)

// drawingKind classifies the operators that put marks on the page:
// text-showing (9.4.3), path-painting (8.5.3, with sh), XObject (Do).
// The path operator n ends a path without painting it.
func drawingKind(op string) drawing {
	switch op {
	case "Tj", "TJ", "'", "\"":
		return drawsText
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh":
		return paintsPath
	case "Do":
		return drawsXObject
	}
	return notDrawing
}
