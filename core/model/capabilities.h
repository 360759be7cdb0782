// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace Deroot::Core {

/// How much a capability gives away. RootEquivalent: holding it is, or easily becomes, full root.
enum class CapabilityRisk { Low, Moderate, High, RootEquivalent };

/// One Linux capability as Deroot explains it.
struct CapabilityInfo
{
    int number;          ///< the kernel's number (CAP_NET_RAW is 13)
    const char *name;    ///< "CAP_NET_RAW"
    const char *summary; ///< what it allows, in plain language (translatable, context "Deroot::Core::Capability")
    CapabilityRisk risk;
    const char *riskBasis; ///< why that risk, with its source
};

/// Every capability the kernel defines up to CAP_CHECKPOINT_RESTORE (40), in number order.
const QList<CapabilityInfo> &capabilityTable();

/// The capability named @p name ("CAP_NET_RAW", "cap_net_raw" or "NET_RAW"), if there is one.
[[nodiscard]] std::optional<CapabilityInfo> capabilityByName(QStringView name);
/// The capability numbered @p number, if the table has it.
[[nodiscard]] std::optional<CapabilityInfo> capabilityByNumber(int number);

/// The names of the capabilities set in @p mask (bit n = capability n), in number order; unknown
/// bits appear as "cap_N".
QList<QString> capabilityNames(std::uint64_t mask);

/// @p mask as /proc/PID/status writes it: 16 lower-case hex digits ("000001ffffffffff").
QString capabilityMaskHex(std::uint64_t mask);

/// "root-equivalent", "high", "moderate", "low": the JSON spelling.
QString capabilityRiskId(CapabilityRisk risk);

} // namespace Deroot::Core
