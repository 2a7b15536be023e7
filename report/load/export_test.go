package load

// SetMaxTotal lowers the cap on a profile's data for a test, and returns
// a function that restores it.
func SetMaxTotal(n int64) (restore func()) {
	old := maxTotal
	maxTotal = n
	return func() { maxTotal = old }
}
