package xlsx
import ("testing";"os")
func TestDbg(t *testing.T){ os.WriteFile("/tmp/hand.xlsx", render(t, handmade()), 0o644); os.WriteFile("/tmp/mali.xlsx", render(t, mali(t)), 0o644)}
