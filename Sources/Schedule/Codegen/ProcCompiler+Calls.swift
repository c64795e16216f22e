/// Calls: plain procs become C calls; instructions expand their templates.
extension ProcCompiler {
    func call(_ callee: Proc, _ args: [Expr], at loc: SourceLocation) throws(KernelError) {
        guard args.count == callee.params.count else {
            throw KernelError(.codegen, "\(callee.name) takes \(callee.params.count) arguments, got \(args.count)", at: loc)
        }
        if callee.isInstruction {
            try instruction(callee, args, at: loc)
        } else {
            try plainCall(callee, args, at: loc)
        }
    }

    private func plainCall(_ callee: Proc, _ args: [Expr], at loc: SourceLocation) throws(KernelError) {
        let written = writes.writtenParams(callee)
        var texts: [String] = []
        for (k, (p, a)) in zip(callee.params, args).enumerated() {
            switch p.type {
            case .size, .index, .bool:
                texts.append(try control(a))
            case .scalar:
                let w = try windowOfMemoryPermittingIt(a, isConst: !written.contains(k), at: loc)
                texts.append("&\(w.dataLValue)")
            case .tensor(let t, _, let isWindow):
                let w = try windowOfMemoryPermittingIt(a, isConst: !written.contains(k), at: loc)
                try checkShape(w, of: a, against: p, of: callee, at: loc)
                if isWindow {
                    windowStructs.insert(w.type)
                    texts.append(w.literal)
                } else {
                    guard case .read(_, let idx) = a.node, idx.isEmpty, w.source.kind == .dense else {
                        throw KernelError(.codegen, "parameter '\(p.name.name)' of \(callee.name) takes a whole tensor; pass a window only to a window parameter ([\(t.rawValue)][...])", at: loc)
                    }
                    texts.append(w.source.cName)
                }
            }
        }
        emit("\(callee.name)(\(texts.joined(separator: ", ")));")
    }

    private func windowOfMemoryPermittingIt(_ a: Expr, isConst: Bool, at loc: SourceLocation) throws(KernelError) -> Window {
        let w = try window(a, isConst: isConst, at: loc)
        if let m = w.source.memory, !m.permissions.windows {
            throw KernelError(.memory, "'\(w.sym.name)' is in \(m.name); only instructions may take it", at: loc)
        }
        return w
    }

    // MARK: instructions

    /// Expands `{arg}`, `{arg_data}` and `{arg_int}` as Exo does:
    /// - `{x}`: the argument in parentheses; for a tensor, its window struct
    ///   literal, so `{x}.strides[0]` works.
    /// - `{x_data}`: for a tensor, the C lvalue of its first element
    ///   (`&{x_data}` is the data pointer), or what its memory names it by
    ///   (a register-name macro for RVM_TILE); otherwise same as `{x}`.
    /// - `{x_int}`: for a tensor, the C name of its buffer (the register macro);
    ///   for a size, index or bool, its C value.
    private func instruction(_ callee: Proc, _ args: [Expr], at loc: SourceLocation) throws(KernelError) {
        let written = writes.writtenParams(callee)
        var windows: [String: Window] = [:]
        var controls: [String: String] = [:]
        var infos: [InstructionCall.Argument] = []
        for (k, (p, a)) in zip(callee.params, args).enumerated() {
            let pname = p.name.name
            if p.type.isControl {
                controls[pname] = try control(a)
                infos.append(.init(parameter: p, memory: nil, buffer: nil, placement: nil))
                continue
            }
            let w = try window(a, isConst: !written.contains(k), at: loc)
            let m = w.source.memory
            try checkShape(w, of: a, against: p, of: callee, at: loc)
            if let m, let expected = p.memory, !m.canBePassed(as: expected) {
                throw KernelError(.memory, "argument '\(MessageText.expr(a))' of \(callee.name) is in \(m.name), parameter '\(pname)' must be in \(expected)", at: loc)
            }
            if let m, !m.permissions.windows, !w.isWhole {
                throw KernelError(.memory, "argument '\(MessageText.expr(a))' of \(callee.name) must be a whole \(m.name) buffer", at: loc)
            }
            windows[pname] = w
            let placement = w.source.memoryName.flatMap { allocators[$0] }?.placement(of: w.source.cName)
            infos.append(.init(parameter: p, memory: w.source.memoryName, buffer: w.source.cName, placement: placement))
        }
        let info = InstructionCall(instruction: callee, arguments: infos, location: loc)
        for check in options.instructionChecks { try check.check(info) }

        let segments: [TemplateExpansion.Segment]
        if let cached = templates[callee.name] {
            segments = cached
        } else {
            segments = try TemplateExpansion.parse(callee.instructionTemplate ?? "", instruction: callee.name, at: loc)
            templates[callee.name] = segments
        }
        let text = try TemplateExpansion.expand(segments, instruction: callee.name, at: loc) { key throws(KernelError) -> String? in
            if let c = controls[key] { return "(\(c))" }
            if let w = windows[key] {
                // A data scalar is passed by reference, as in Exo.
                if w.shape.isEmpty, callee.params.first(where: { $0.name.name == key })?.type.shape.isEmpty == true {
                    return "(&\(w.dataLValue))"
                }
                return "(\(try self.structLiteral(w, callee, key, at: loc)))"
            }
            for suffix in ["_data", "_int"] where key.hasSuffix(suffix) {
                let base = String(key.dropLast(suffix.count))
                if let c = controls[base] { return "(\(c))" }
                if let w = windows[base] {
                    if suffix == "_int" { return w.source.cName }
                    if w.shape.isEmpty { return "(&\(w.dataLValue))" }
                    let m = w.source.memory
                    return m?.windowData(buffer: w.source.cName, elementAccess: w.dataLValue) ?? w.dataLValue
                }
            }
            return nil
        }
        if text.contains("\n") {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { emit(String(line)) }
        } else {
            emit(text)
        }
    }

    /// Element type and constant extents must agree (symbolic extents are the type checker's).
    private func checkShape(_ w: Window, of a: Expr, against p: Param, of callee: Proc, at loc: SourceLocation) throws(KernelError) {
        let want = p.type.shape.map(ExprFolding.fold), have = w.shape.map(ExprFolding.fold)
        let mismatch = want.count != have.count
            || zip(want, have).contains { x, y in x.intValue != nil && y.intValue != nil && x.intValue != y.intValue }
        guard w.source.elementType == p.type.elementType, !mismatch else {
            func show(_ t: ScalarType?, _ s: [Expr]) -> String { "\(t?.rawValue ?? "?")[\(s.map(MessageText.expr).joined(separator: ", "))]" }
            throw KernelError(.codegen, "argument '\(MessageText.expr(a))' of \(callee.name) is \(show(w.source.elementType, have)), parameter '\(p.name.name)' takes \(show(p.type.elementType, want))", at: loc)
        }
    }

    private func structLiteral(_ w: Window, _ callee: Proc, _ key: String, at loc: SourceLocation) throws(KernelError) -> String {
        if let m = w.source.memory, !m.permissions.windows {
            throw KernelError(.memory, "template of \(callee.name) uses {\(key)}, but \(m.name) buffers have no C window", at: loc)
        }
        windowStructs.insert(w.type)
        return w.literal
    }
}
