import Testing

@testable import Tracing

// -e signal=, status=, quiet= and trace-fds=, with the forms strace 6.1 takes and rejects
// (measured with `strace -e signal=... true`; trace-fds as strace's -e read=, which 6.1 has).
@Suite struct FilterQualifierTests {
    func signals(_ expression: String) throws -> SignalFilter {
        var filter = SignalFilter()
        try filter.apply(expression)
        return filter
    }

    @Test func signalNamesAndNumbers() throws {
        let filter = try signals("SIGHUP,int,sigQuit,9,SIGRTMIN,SIGRT_1,SIGRT_32")
        for shown: Int32 in [1, 2, 3, 9, 32, 33, 64] { #expect(filter.shows(shown), "\(shown)") }
        for hidden: Int32 in [0, 4, 15, 34, 65, 255, -1, 256] { #expect(!filter.shows(hidden), "\(hidden)") }
        #expect(try signals("0,05,255").shows(5))
        #expect(try signals("0,05,255").shows(255))
        #expect(try signals("hup,,int").shows(2))
        #expect(try signals("int,").shows(2))
    }

    @Test func signalNegationAllNone() throws {
        let allButIO = try signals("!SIGIO")
        #expect(!allButIO.shows(29) && allButIO.shows(1) && allButIO.shows(64))
        #expect(try signals("!!hup").shows(1) && !signals("!!hup").shows(2))
        #expect(try signals("all") == SignalFilter.all)
        #expect(try !signals("none").shows(1))
        #expect(try signals("!none") == SignalFilter.all)
        var replaced = try signals("hup")
        try replaced.apply("int")
        #expect(replaced.shows(2) && !replaced.shows(1), "a new value replaces the old")
    }

    @Test func badSignals() {
        for bad in ["SIGFOO", "foo", "SIG", "1000", "256", "-1", "+5", "0x5", " 5", "1x", "SIGRTMAX", "RTMIN+1",
                    "SIGRT_33", "SIGIOT", "SIGPOLL", "SIGCLD", "SIGUNUSED", "SIG_0", "?hup", "all,none"] {
            var filter = SignalFilter()
            #expect(throws: FilterError("-e signal: unknown signal '\(bad.split(separator: ",").first.map(String.init) ?? bad)'"), "'\(bad)'") {
                try filter.apply(bad)
            }
            #expect(filter == SignalFilter.all)
        }
        for empty in ["", ",", "!"] {
            var filter = SignalFilter()
            #expect(throws: FilterError("-e signal: no signal in '\(empty)'")) { try filter.apply(empty) }
        }
    }

    @Test func statuses() throws {
        #expect(try StatusFilter.parse("successful") == .successful)
        #expect(try StatusFilter.parse("Successful,FAILED") == [.successful, .failed])
        #expect(try StatusFilter.parse("successful,") == .successful)
        #expect(try StatusFilter.parse("!failed") == [.successful, .unfinished, .unavailable, .detached])
        #expect(try StatusFilter.parse("!!failed") == .failed)
        #expect(try StatusFilter.parse("all") == .all)
        #expect(try StatusFilter.parse("none") == [])
        #expect(try StatusFilter.parse("!none") == .all)
        #expect(try StatusFilter.parse("unfinished,unavailable,detached") == [.unfinished, .unavailable, .detached])
        let hint = " (use successful, failed, unfinished, unavailable or detached)"
        #expect(throws: FilterError("-e status: unknown status 'bogus'" + hint)) { try StatusFilter.parse("bogus") }
        #expect(throws: FilterError("-e status: unknown status 'all'" + hint)) { try StatusFilter.parse("all,none") }
        #expect(throws: FilterError("-e status: unknown status 'none'" + hint)) { try StatusFilter.parse("none,failed") }
        for empty in ["", ",", "!"] {
            #expect(throws: FilterError("-e status: no status in '\(empty)'")) { try StatusFilter.parse(empty) }
        }
    }

    @Test func quietNotices() throws {
        #expect(try QuietOptions.parse("attach") == .attach)
        #expect(try QuietOptions.parse("exit") == .exit)
        #expect(try QuietOptions.parse("exits") == .exit)
        #expect(try QuietOptions.parse("Exit,path-resolution") == [.exit, .pathResolution])
        #expect(try QuietOptions.parse("personality,thread-execve,superseded") == [.personality, .threadExecve, .superseded])
        #expect(try QuietOptions.parse("all") == .all)
        #expect(try QuietOptions.parse("none") == [])
        #expect(try QuietOptions.parse("!exit") == QuietOptions.all.subtracting(.exit))
        #expect(try QuietOptions.parse("attach,") == .attach)
        let hint = " (use attach, exit, path-resolution, personality, thread-execve or superseded)"
        #expect(throws: FilterError("-e quiet: unknown notice 'bogus'" + hint)) { try QuietOptions.parse("bogus") }
        #expect(throws: FilterError("-e quiet: unknown notice 'all'" + hint)) { try QuietOptions.parse("all,exit") }
        for empty in ["", ",", "!"] {
            #expect(throws: FilterError("-e quiet: no notice in '\(empty)'")) { try QuietOptions.parse(empty) }
        }
    }

    @Test func descriptors() throws {
        let some = try DescriptorFilter.parse("1,3")
        #expect(some.contains(1) && some.contains(3) && !some.contains(0) && !some.contains(-100))
        let allBut = try DescriptorFilter.parse("!1")
        #expect(!allBut.contains(1) && allBut.contains(0) && allBut.contains(-100))
        #expect(try DescriptorFilter.parse("!!1") == DescriptorFilter.parse("1"))
        #expect(try DescriptorFilter.parse("all").containsEverything)
        #expect(DescriptorFilter().containsEverything)
        #expect(try !DescriptorFilter.parse("none").contains(0))
        #expect(try DescriptorFilter.parse(" 1,+2,01,2147483647,,").contains(2147483647))
        #expect(try DescriptorFilter.parse(" 1,+2,01").contains(2))
        for bad in ["-1", "2147483648", "1x", "0x1", "all,1", "none,1", "1 "] {
            #expect(throws: FilterError("-e trace-fds: invalid descriptor '\(bad.split(separator: ",").first!)'"), "'\(bad)'") {
                try DescriptorFilter.parse(bad)
            }
        }
        for empty in ["", ",", "!"] {
            #expect(throws: FilterError("-e trace-fds: no descriptor in '\(empty)'")) { try DescriptorFilter.parse(empty) }
        }
    }
}
