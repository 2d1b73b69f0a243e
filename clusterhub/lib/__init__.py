"""Small pure helpers shared by several apps (no Django imports)."""
