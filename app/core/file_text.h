// Reading a whole file into a string: one reader for every caller (lessons, traces, settings,
// programs), with one wording for its error.
#pragma once

#include <string>

namespace loopscope {

// Appends the bytes of `path` to `text`. False (and `error` = "cannot read PATH: reason") when it
// cannot be opened or read.
bool read_text_file(const std::string& path, std::string& text, std::string* error = nullptr);

// The file's bytes, or "" when it cannot be read.
std::string file_text(const std::string& path);

}  // namespace loopscope
