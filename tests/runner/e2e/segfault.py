import ctypes

print("before the crash", flush=True)
ctypes.string_at(0)
