package report

import "time"

// ParseISODate reads a publication date written as YYYY-MM or YYYY-MM-DD;
// a month alone stands for its first day. It rejects days a month does not
// have (2010-02-30), so that the loader refuses what no renderer could use.
func ParseISODate(s string) (time.Time, error) {
	layout := time.DateOnly
	if len(s) == len("2006-01") {
		layout = "2006-01"
	}
	return time.Parse(layout, s)
}

// DocumentDate is the date a build writes into its documents' properties:
// override when it is set (SOURCE_DATE_EPOCH or the config's date), else
// the profile's publication date, else the Unix epoch. Never the clock, so
// that the same input gives the same bytes.
func (m Meta) DocumentDate(override time.Time) time.Time {
	switch {
	case !override.IsZero():
		return override.UTC()
	case !m.Published.IsZero():
		return m.Published
	}
	return time.Unix(0, 0).UTC()
}
