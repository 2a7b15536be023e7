//go:build !unix

package publish

import "context"

// lock is a no-op where flock is not available: concurrent builds into
// one folder are then the user's to avoid.
func lock(context.Context, string) (func(), error) { return func() {}, nil }
