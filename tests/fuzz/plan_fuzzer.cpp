// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// libFuzzer target: the apply request's parser and validator (core/plan), the privileged helper's
// first contact with bytes from an unprivileged client. The input is plan.json, then "\0\0", then
// the request's files as NUL-separated name and content pairs. Whatever the bytes, the parser must
// refuse them with one line and ExitCode::Refused, or return a plan whose every step stays inside
// the helper's constant destinations, whose hash is the plan's, and whose written bytes are the
// request's own.
#include "core/plan/applyrequest.h"
#include "core/util/sha256.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const char *what, const QString &text)
{
    std::fprintf(stderr, "plan_fuzzer: %s\n---\n%s\n---\n", what, text.toUtf8().constData());
    std::abort();
}

ApplyRequest requestFromBytes(QByteArrayView bytes)
{
    ApplyRequest request;
    const QByteArray all = bytes.toByteArray();
    const qsizetype split = all.indexOf(QByteArrayView("\0\0", 2));
    request.planJson = split < 0 ? all : all.left(split);
    if (split >= 0) {
        const QList<QByteArray> parts = all.mid(split + 2).split('\0');
        for (qsizetype i = 0; i + 1 < parts.size(); i += 2) {
            request.files.insert(QString::fromUtf8(parts.at(i)), parts.at(i + 1));
        }
    }
    return request;
}

bool insideDestinations(const PlanStep &step, const ValidatedPlan &plan)
{
    switch (step.kind) {
    case PlanStep::Kind::WriteSudoers:
        return step.target == u"/etc/sudoers.d/deroot-"_s + plan.agent && step.mode == 0440;
    case PlanStep::Kind::WriteSysusers:
        return step.target == u"/etc/sysusers.d/deroot-"_s + plan.agent + u".conf"_s && step.mode == 0644;
    case PlanStep::Kind::WriteUnit:
        return step.target.startsWith(u"/etc/systemd/system/"_s) && !step.target.contains(u"/../"_s) &&
               !step.target.contains(u"/./"_s) && step.mode == 0644;
    case PlanStep::Kind::CreateUser:
        return step.target == plan.serviceUser && plan.serviceUser != u"root";
    case PlanStep::Kind::SetFileCaps:
        return step.target == plan.programPath && !plan.capabilities.isEmpty();
    default:
        return true;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 512 * 1024) {
        return 0;
    }
    const ApplyRequest request =
        requestFromBytes(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    const auto plan = parseApplyRequest(request);
    if (!plan) {
        if (plan.error().code != ExitCode::Refused) {
            fail("a refusal without ExitCode::Refused", plan.error().message);
        }
        if (plan.error().message.contains(u'\n') || plan.error().message.isEmpty()) {
            fail("an error message that is empty or has a newline", plan.error().message);
        }
        return 0;
    }
    Sha256 hash;
    hash.addData(request.planJson);
    if (plan->planSha256 != QString::fromLatin1(hash.result().toHex())) {
        fail("the plan's hash is not over its bytes", plan->planSha256);
    }
    for (const PlanStep &step : plan->steps) {
        if (!insideDestinations(step, *plan)) {
            fail("a step outside the helper's destinations", step.target);
        }
        if (step.kind == PlanStep::Kind::WriteSudoers && request.files.value(step.file) != step.content) {
            fail("sudoers bytes that are not the request's file", step.file);
        }
    }
    return 0;
}
