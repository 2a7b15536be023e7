package report

import (
	"strconv"
	"strings"
)

// Value returns the cell's number as the float64 nearest to the decimal
// number published (0.07, not 0.06999999999999999), for charts and
// spreadsheets; ok is false for blank and dash cells.
func (c Cell) Value() (v float64, ok bool) {
	if c.Kind != Number {
		return 0, false
	}
	v, err := strconv.ParseFloat(strconv.FormatInt(c.Units, 10)+"e-"+strconv.Itoa(c.Decimals), 64)
	return v, err == nil
}

// Format returns the cell as printed in the publication: the number with
// its decimals and thousands separators, "-" for a dash, "" for a blank,
// and the annotation in brackets after it ("792,258 (1998)"); a missing
// value prints the profile's symbol for its kind, and a flagged number
// its flags' symbols after it ("1,234 [p]").
func (c Cell) Format(l Labels) string {
	switch c.Kind {
	case Dash:
		return "-"
	case Number:
		s := l.Number(c.Units, c.Decimals)
		if c.Note != "" {
			s += " (" + c.Note + ")"
		}
		return s + c.flags(l.Symbols)
	case NotAvailable:
		return l.Symbols.NotAvailable
	case NotApplicable:
		if c.Quiet {
			return ""
		}
		return l.Symbols.NotApplicable
	case Confidential:
		return l.Symbols.Confidential
	}
	return ""
}

// flags returns the symbols of the cell's flags, each after a space.
func (c Cell) flags(sym Symbols) string {
	s := ""
	if c.Provisional {
		s += " " + sym.Provisional
	}
	if c.Estimated {
		s += " " + sym.Estimated
	}
	return s
}

// FormatNumber formats the cell's number alone, without its annotation
// or flags.
func (c Cell) FormatNumber(l Labels) string {
	if c.Kind != Number {
		return c.Format(l)
	}
	return l.Number(c.Units, c.Decimals)
}

// Minus is the sign of the negative numbers the tool prints: a true minus
// sign (U+2212), as wide as a plus and on the same height, not a hyphen.
const Minus = "\u2212"

// Number formats units/10^decimals as the documents print it: with the
// profile's thousands separator and decimal mark, and a true minus sign,
// e.g. "−49,686". (FormatUnits, with a hyphen-minus, is for messages.)
func (l Labels) Number(units int64, decimals int) string {
	s := FormatUnits(units, decimals, l.ThousandsSep, l.DecimalMark)
	if units < 0 {
		return Minus + s[1:]
	}
	return s
}

// FormatUnits formats units/10^decimals with the given separators, e.g.
// FormatUnits(-123000, 0, ",", ".") == "-123,000".
func FormatUnits(units int64, decimals int, thousands, mark string) string {
	neg := units < 0
	digits := strconv.FormatUint(absUnits(units), 10)
	for len(digits) <= decimals {
		digits = "0" + digits
	}
	whole, frac := digits[:len(digits)-decimals], digits[len(digits)-decimals:]
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(r)
	}
	if decimals > 0 {
		b.WriteString(mark)
		b.WriteString(frac)
	}
	return b.String()
}

func absUnits(u int64) uint64 {
	if u < 0 {
		return uint64(-(u + 1)) + 1
	}
	return uint64(u)
}
