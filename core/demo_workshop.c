/* demo_workshop.c - one fictional workshop of the alliance for the demo: where and when, which
 * sectors took part (never names), the log the next workshop reads, and the dot votes. */
#include "demo.h"

static const char *const cases[] = {"DEMO-1 Sam", "DEMO-3 Kim", NULL};

static const struct demo_log log_entries[] = {
    {"note", "Vi gick igenom Sams berättelse steg för steg. Flera kände igen frånvaron vid 13 "
             "från egna ärenden."},
    {"note", "Vården och socialtjänsten var överens om att övergången vid 18 saknar en ägare: "
             "BUP avslutar, vuxenpsykiatrin väntar på en remiss."},
    {"note", "Kims berättelse visar samma mönster vid 18, fast med bostaden i centrum."},
    {"decision", "Åldersövergången vid 18 lyfts som gemensam systembrist till nästa möte med "
                 "beslutsfattarna."},
    {"decision", "Till nästa workshop tar skolan och elevhälsan fram ett förslag till "
                 "frånvarotrappa."},
    {"decision", "Nästa workshop ägnas åt Noors berättelse, med fokus på aktivitetsansvaret."},
};

static const struct demo_vote votes[] = {
    {"DEMO-1 Sam", 5, 7}, /* age transition at 18 */
    {"DEMO-3 Kim", 4, 6}, /* age transition at 18 */
    {"DEMO-1 Sam", 7, 5}, /* contradictory demands */
    {"DEMO-1 Sam", 2, 3}, /* the queue to BUP */
    {"DEMO-3 Kim", 5, 4}, /* contradictory demands */
    {"DEMO-1 Sam", 1, 2}, /* absence nobody followed up */
};

const struct demo_workshop demo_workshop = {
    .date = "2024-11-12",
    .place = "Framtidens hus, Lindängen, Malmö",
    .sectors = "municipality,state,region,civil,business,academia",
    .notes = "Tredje träffen i kunskapsallianserna. Tema: övergångar och överlämningar. "
             "Processledning från forskningen, deltagare från alla sektorer utom den unga och "
             "nätverket.",
    .cases = cases,
    .log = log_entries,
    .n_log = DEMO_LEN(log_entries),
    .votes = votes,
    .n_votes = DEMO_LEN(votes),
};
