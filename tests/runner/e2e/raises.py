print("before the error")
raise RuntimeError("boom")
