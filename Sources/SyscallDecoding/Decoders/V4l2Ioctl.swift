/// Video4Linux2 ioctls as strace prints what the tracee passes in: the buffer type a format or
/// parameter request names (`{type=V4L2_BUF_TYPE_VIDEO_CAPTURE}`), VIDIOC_ENUM_FMT's and
/// VIDIOC_ENUMINPUT's index, VIDIOC_REQBUFS' request and VIDIOC_STREAMON's type (`[...]`).
/// Not yet: what a successful call writes back (strace's ` => {...}`), the formats VIDIOC_S_FMT
/// passes, buffers, controls and the rarer requests; they print as their address.
enum V4l2Argument {
    case formatDescription, bufferTypeOnly, requestBuffers, streamType, input
}

/// Registered in Ioctl.swift's request table.
let v4l2RequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("VIDIOC_ENUM_FMT", .v4l2(.formatDescription)), ("VIDIOC_G_FMT", .v4l2(.bufferTypeOnly)),
    ("VIDIOC_G_PARM", .v4l2(.bufferTypeOnly)), ("VIDIOC_REQBUFS", .v4l2(.requestBuffers)),
    ("VIDIOC_STREAMON", .v4l2(.streamType)), ("VIDIOC_STREAMOFF", .v4l2(.streamType)),
    ("VIDIOC_ENUMINPUT", .v4l2(.input)), ("VIDIOC_S_INPUT", .valueIn(.int)), ("VIDIOC_S_STD", .valueIn(.hex64)),
]

extension DecodeContext {
    func printV4l2Argument(_ kind: V4l2Argument, to out: inout Emitter) {
        let address = word(2)
        switch kind {
        case .formatDescription:
            let layout = layouts.v4l2Fmtdesc
            withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                out.field("index")
                out.uint(layout.index.unsigned(in: bytes))
                out.field("type")
                printV4l2BufferType(layout.type.unsigned(in: bytes), to: &out)
                out.endStruct()
            }
        case .bufferTypeOnly:
            // struct v4l2_format and struct v4l2_streamparm both begin with their type.
            withStruct(at: address, size: 4, to: &out) { bytes, out in
                out.beginStruct()
                out.field("type")
                printV4l2BufferType(FieldLayout(offset: 0, size: 4).unsigned(in: bytes), to: &out)
                out.endStruct()
            }
        case .requestBuffers:
            let layout = layouts.v4l2Requestbuffers
            withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                out.field("type")
                printV4l2BufferType(layout.type.unsigned(in: bytes), to: &out)
                out.field("memory")
                out.constant(layout.memory.unsigned(in: bytes), constants.v4l2MemoryTypes, unknown: "V4L2_MEMORY_???")
                out.field("count")
                out.uint(layout.count.unsigned(in: bytes))
                out.endStruct()
            }
        case .streamType:
            withStruct(at: address, size: 4, to: &out) { bytes, out in
                out.beginArray()
                out.element()
                printV4l2BufferType(FieldLayout(offset: 0, size: 4).unsigned(in: bytes), to: &out)
                out.endArray()
            }
        case .input:
            let layout = layouts.v4l2Input
            withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                out.field("index")
                out.uint(layout.index.unsigned(in: bytes))
                out.endStruct()
            }
        }
    }

    private func printV4l2BufferType(_ type: UInt64, to out: inout Emitter) {
        out.constant(type, constants.v4l2BufferTypes, unknown: "V4L2_BUF_TYPE_???")
    }
}
