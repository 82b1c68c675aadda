// office_convert.cpp — old binary Office files (OLE2: .xls, .et, .doc, .wps) converted to .xlsx /
// .docx by LibreOffice headless, when the caller asks for it (read_options::legacy_office).
//
// The file is written into a new private directory (mkdtemp, mode 0700) with the program's own
// profile in it (-env:UserInstallation), so that conversions in parallel and a user's running
// LibreOffice do not meet. The program is started without a shell (posix_spawn, argv), in its
// own process group, with stdin and stdout on /dev/null and stderr kept for the message; after
// `timeout_seconds` the whole group is killed. The directory is removed in every case.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "read/office_internal.hpp"

extern char** environ;

namespace jixiao::io::detail {

namespace fs = std::filesystem;

namespace {

/// `name` in UTF-16LE, as the directory entries of an OLE2 file store stream names.
std::string utf16le(std::string_view name) {
    std::string out;
    for (char c : name) {
        out += c;
        out += '\0';
    }
    return out;
}

bool holds(std::string_view bytes, std::string_view name) { return bytes.find(utf16le(name)) != std::string_view::npos; }

/// The program to run: the one named (a path, or a name looked up on PATH), or soffice, then
/// libreoffice, on PATH.
std::optional<fs::path> find_soffice(const fs::path& named) {
    if (!named.empty()) {
        if (named.has_parent_path()) return ::access(named.c_str(), X_OK) == 0 ? std::optional(named) : std::nullopt;
    }
    const char* path = std::getenv("PATH");
    const std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
    const std::vector<std::string> names = named.empty() ? std::vector<std::string>{"soffice", "libreoffice"}
                                                         : std::vector<std::string>{named.string()};
    for (const std::string& name : names) {
        std::size_t start = 0;
        while (start <= dirs.size()) {
            const std::size_t end = std::min(dirs.find(':', start), dirs.size());
            const fs::path dir = dirs.substr(start, end - start);
            start = end + 1;
            // Only absolute directories: an empty or relative entry would run a program of that
            // name from the folder the files were downloaded to.
            if (!dir.is_absolute()) continue;
            const fs::path candidate = dir / name;
            if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        }
    }
    return std::nullopt;
}

/// A private temporary directory, removed when this goes out of scope.
class private_directory {
public:
    private_directory() {
        std::error_code ec;
        fs::path base = fs::temp_directory_path(ec);
        if (ec) base = "/tmp";
        std::string pattern = (base / "jixiao-convert-XXXXXX").string();
        if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
    }
    private_directory(const private_directory&) = delete;
    private_directory& operator=(const private_directory&) = delete;
    ~private_directory() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    [[nodiscard]] const fs::path& path() const noexcept { return path_; }

private:
    fs::path path_;
};

error conversion_error(errc code, std::string message) { return error{code, 0, {}, std::move(message)}; }

std::string read_whole(const fs::path& p, std::size_t max) {
    std::ifstream in(p, std::ios::binary);
    std::string out;
    char buffer[65536];
    while (in && out.size() <= max) {
        in.read(buffer, sizeof buffer);
        out.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    return out;
}

/// Runs `argv` in its own process group; its exit status, or nullopt when it was killed after
/// `timeout` (the whole group then).
std::optional<int> run(const std::vector<std::string>& argv, const fs::path& errors, std::chrono::seconds timeout,
                       std::string& failure) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int started = ::posix_spawn(&pid, argv.front().c_str(), &actions, &attributes, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (started != 0) {
        failure = std::string("cannot start it: ") + std::strerror(started);
        return -1;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) {
            failure = std::string("lost it: ") + std::strerror(errno);
            ::kill(-pid, SIGKILL);
            return -1;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(-pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(-pid, SIGKILL);  // anything it left running in its group
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

legacy_office_kind sniff_legacy_office(std::string_view bytes) noexcept {
    if (holds(bytes, "EncryptedPackage") || holds(bytes, "EncryptionInfo")) return legacy_office_kind::encrypted;
    if (holds(bytes, "WordDocument")) return legacy_office_kind::document;
    if (holds(bytes, "Workbook") || holds(bytes, "Book")) return legacy_office_kind::workbook;
    return legacy_office_kind::unknown;
}

result<std::string> convert_legacy_office(std::string_view bytes, legacy_office_kind kind,
                                          const legacy_office_options& options, std::size_t max_bytes) {
    const bool workbook = kind == legacy_office_kind::workbook;
    const std::string from = workbook ? "xls" : "doc";
    const std::string to = workbook ? "xlsx" : "docx";
    const std::optional<fs::path> soffice = find_soffice(options.soffice);
    if (!soffice) {
        return conversion_error(
            errc::reader_unavailable,
            "an old binary Office file (." + from + "): jixiao reads it through LibreOffice, which is not installed" +
                (options.soffice.empty() ? std::string() : " at " + options.soffice.string()) +
                ": install it (Debian: apt-get install libreoffice-calc-nogui libreoffice-writer-nogui), or convert it "
                "yourself with `soffice --headless --convert-to " + to + " FILE`, or save it from Excel/WPS as ." + to);
    }
    private_directory dir;
    if (dir.path().empty()) return conversion_error(errc::io_error, "cannot make a temporary directory for the conversion");
    const fs::path input = dir.path() / ("input." + from);
    {
        std::ofstream out(input, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) return conversion_error(errc::io_error, "cannot write the file to convert into " + dir.path().string());
    }
    const fs::path errors = dir.path() / "soffice.err";
    const std::vector<std::string> argv = {
        soffice->string(), "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
        "-env:UserInstallation=file://" + (dir.path() / "profile").string(), "--convert-to", to, "--outdir",
        (dir.path() / "out").string(), input.string()};
    std::string failure;
    const std::optional<int> status = run(argv, errors, std::chrono::seconds(options.timeout_seconds), failure);
    const std::string program = "LibreOffice (" + soffice->string() + ")";
    if (!status) {
        return conversion_error(errc::io_error, program + " did not convert the ." + from + " file within " +
                                                    std::to_string(options.timeout_seconds) + " s: stopped");
    }
    if (!failure.empty()) return conversion_error(errc::io_error, program + ": " + failure);
    const fs::path output = dir.path() / "out" / ("input." + to);
    std::error_code ec;
    if (!fs::exists(output, ec)) {
        std::string said = read_whole(errors, 2000);
        while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
        return conversion_error(errc::invalid_document,
                                program + " could not convert the ." + from + " file to ." + to + " (exit " +
                                    std::to_string(*status) + (said.empty() ? std::string() : ": " + said.substr(0, 500)) +
                                    "): damaged, password-protected, or not a " +
                                    (workbook ? "workbook" : "document"));
    }
    const auto size = fs::file_size(output, ec);
    if (ec || size > max_bytes) {
        return conversion_error(errc::limit_exceeded, "the ." + to + " file LibreOffice wrote is larger than the limit of " +
                                                          std::to_string(max_bytes) + " bytes");
    }
    return read_whole(output, max_bytes);
}

}  // namespace jixiao::io::detail
