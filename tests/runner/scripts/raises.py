print("before")
raise ValueError("boom")
