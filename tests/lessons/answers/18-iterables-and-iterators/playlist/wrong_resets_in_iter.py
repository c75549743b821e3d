# Wrong: __iter__ rewinds the shared position: the inner loop restarts it and the outer loop ends early.
class Playlist:
    def __init__(self, songs):
        self.songs = songs
        self.index = 0

    def __iter__(self):
        self.index = 0
        return self

    def __next__(self):
        if self.index == len(self.songs):
            raise StopIteration
        self.index += 1
        return self.songs[self.index - 1]


playlist = Playlist(["intro", "verse", "outro"])
for first in playlist:
    for second in playlist:
        print("pair", first, second)
print("a second pass:", list(playlist))
