#include "ctlcommand.h"

#include "camerabench.h"
#include "cataloguebench.h"
#include "idcardbench.h"
#include "outboxbench.h"
#include "pinyinbench.h"
#include "platformbench.h"
#include "printbench.h"
#include "qrbench.h"
#include "startupbench.h"
#include "videocallbench.h"

// `kioskctl bench WHAT`: each benchmark prints its figures and exits 0; none asserts a speed.
// A benchmark of another layer adds one line to this table and lives in its own file.
namespace {

struct Bench {
    const char *name;
    CtlRun run;
};

const QList<Bench> &benches()
{
    static const QList<Bench> table = {
        {"startup", runStartupBench},
        {"catalogue", runCatalogueBench},
        {"platform", runPlatformBench},
        {"idcard", runIdCardBench},
        {"vision", runVisionBench},
        {"qr", runQrBench},
        {"outbox", runOutboxBench},
        {"print", runPrintBench},
        {"pinyin", runPinyinBench},
        {"videocall", runVideoCallBench},
    };
    return table;
}

} // namespace

int runBenchCommand(CtlContext &context, const QStringList &args)
{
    if (!args.isEmpty()) {
        for (const Bench &bench : benches()) {
            if (args.first() == QLatin1String(bench.name))
                return bench.run(context, args.mid(1));
        }
    }
    context.err << "usage: kioskctl bench";
    for (const Bench &bench : benches())
        context.err << " " << bench.name;
    context.err << " [options]" << Qt::endl;
    return CtlExit::Error;
}
