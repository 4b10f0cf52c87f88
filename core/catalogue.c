/* catalogue.c - the default Swedish catalogue: actors of all seven sectors, the gap categories in
 * the order the workshops walk through them, and the ages where the rules change.
 * These are data in Swedish, not program messages: a translation does not touch them.
 * The actors are listed as the catalogue screen shows them (by sector, then name, in Swedish
 * order), and catalogue_build() cycles the colours in that order so that neighbouring rows never
 * share one. */
#include "catalogue.h"
#include "i18n.h"
#include "uuid.h"
#include "xalloc.h"

#include <string.h>

const struct catalogue_actor catalogue_actors[] = {
    /* municipality */
    {"Allaktivitetshuset", "AAH", SECTOR_MUNICIPALITY,
     "Kostnadsfria fritidsaktiviteter i skolans lokaler för barn och unga upp till 25 år, "
     "efter vad som efterfrågas i området."},
    {"Elevhälsan", "EHT", SECTOR_MUNICIPALITY,
     "Skolsköterska, skolläkare, kurator, psykolog och specialpedagog kring eleven."},
    {"Familjecentral och öppen förskola", "FamC", SECTOR_MUNICIPALITY,
     "Mödra- och barnhälsovård, öppen förskola och socialtjänstens råd under ett tak, med "
     "särskild kontakt med nyanlända föräldrar."},
    {"Fritidsgården", "Fritid", SECTOR_MUNICIPALITY,
     "Kommunens öppna fritidsverksamhet och mötesplatser för unga."},
    {"Funktionsstöd (LSS, socialpsykiatri)", "Funk", SECTOR_MUNICIPALITY,
     "Insatser enligt LSS, daglig verksamhet och socialpsykiatriskt stöd, till exempel "
     "boendestöd i hemmet."},
    {"Gymnasieskolan", "Gy", SECTOR_MUNICIPALITY,
     "Nationella program, introduktionsprogram och vuxenutbildning (komvux)."},
    {"Kommunala aktivitetsansvaret (KAA)", "KAA", SECTOR_MUNICIPALITY,
     "Hemkommunens ansvar att nå och erbjuda åtgärder till unga under 20 som inte går i "
     "gymnasiet."},
    {"Kommunala bostadsbolaget", "Bostad", SECTOR_MUNICIPALITY,
     "Kommunens eget bostadsbolag (i Malmö MKB, i Helsingborg Helsingborgshem): hyresvärd, "
     "ofta med egna boendesociala insatser."},
    {"Skolan (grundskola)", "Skola", SECTOR_MUNICIPALITY,
     "Grundskolan, årskurs 1–9: undervisning, närvaro, mentor och rektor."},
    {"Socialtjänsten (barn och unga)", "SocBU", SECTOR_MUNICIPALITY,
     "Utredning, stöd och skydd för barn och unga och deras familjer, enligt SoL och LVU."},
    {"Socialtjänsten (vuxen)", "SocV", SECTOR_MUNICIPALITY,
     "Ekonomiskt bistånd, stöd vid missbruk och boende för vuxna från 18 år."},
    {"Socialtjänstens öppenvård", "Öppenv", SECTOR_MUNICIPALITY,
     "Familjebehandling, samtalsstöd och kontaktperson utan placering, efter beslut eller "
     "som serviceinsats."},
    {"SSPF (skola, socialtjänst, polis, fritid)", "SSPF", SECTOR_MUNICIPALITY,
     "Skola, socialtjänst, polis och fritid samverkar kring unga som riskerar att dras in i "
     "kriminalitet, med samtycke från den unga och vårdnadshavarna."},
    /* state agencies */
    {"Arbetsförmedlingen", "AF", SECTOR_STATE,
     "Stöd att söka arbete, arbetsmarknadsutbildning och program för unga."},
    {"Försäkringskassan", "FK", SECTOR_STATE,
     "Aktivitetsersättning, sjukpenning, bostadsbidrag och andra ersättningar."},
    {"Kriminalvården", "KV", SECTOR_STATE,
     "Frivård och anstalt: verkställer påföljder, oftast för den som fyllt 18."},
    {"Migrationsverket", "Migr", SECTOR_STATE,
     "Asyl, uppehållstillstånd och mottagande av asylsökande, också ensamkommande barn."},
    {"Polisen", "Polis", SECTOR_STATE,
     "Brottsförebyggande arbete, utredning och orosanmälan till socialtjänsten."},
    {"Statens institutionsstyrelse (SiS)", "SiS", SECTOR_STATE,
     "Särskilda ungdomshem för vård enligt LVU och sluten ungdomsvård."},
    /* region */
    {"BUP", "BUP", SECTOR_REGION,
     "Barn- och ungdomspsykiatrin: specialistvård för psykisk ohälsa fram till 18 år."},
    {"Habiliteringen", "Hab", SECTOR_REGION,
     "Stöd till den som har en varaktig funktionsnedsättning, till exempel autism."},
    {"Ungdomsmottagningen", "UM", SECTOR_REGION,
     "Samtal om psykisk och sexuell hälsa för unga; åldersgränsen varierar mellan "
     "mottagningar."},
    {"Vuxenpsykiatrin", "VuxP", SECTOR_REGION, "Psykiatrisk specialistvård för vuxna från 18 år."},
    {"Vårdcentralen", "VC", SECTOR_REGION,
     "Primärvården: första linjen, också för lindrigare psykisk ohälsa."},
    /* civil society */
    {"Boost by FC Rosengård", "Boost", SECTOR_CIVIL,
     "Idrottsföreningens sociala verksamhet: coachning mot jobb och studier för unga i Malmö."},
    {"Fryshuset", "Frysh", SECTOR_CIVIL,
     "Ungdomsverksamhet med coacher, mentorer och vägar till jobb och studier."},
    {"Föreningslivet", "Fören", SECTOR_CIVIL,
     "Andra ideella föreningar, studieförbund och trossamfund i området."},
    {"Idrottsföreningen", "Idrott", SECTOR_CIVIL,
     "Den lokala idrottsföreningen: tränare och ledare som ofta känner den unga länge."},
    {"Rädda Barnen", "RB", SECTOR_CIVIL,
     "Barnrättsorganisation med stödverksamhet för barn, unga och familjer."},
    {"Röda Korset", "RK", SECTOR_CIVIL, "Läxhjälp, mötesplatser och stöd till unga och nyanlända."},
    /* business */
    {"Lokalt företag / praktikplats", "Ftg", SECTOR_BUSINESS,
     "Arbetsgivare som tar emot unga för praktik, feriearbete och första anställning."},
    {"Tolk", "Tolk", SECTOR_BUSINESS,
     "Tolk genom en tolkförmedling, beställd av den verksamhet som möter den unga eller "
     "familjen."},
    /* academia */
    {"Universitet och forskning", "Forsk", SECTOR_ACADEMIA,
     "Högskola och forskning som följer och utvärderar samverkan i kunskapsalliansen."},
    /* the young person's network */
    {"Familjen", "Fam", SECTOR_NETWORK, "Föräldrar, syskon och annan släkt."},
    {"Kompisar och informellt nätverk", "Nätv", SECTOR_NETWORK,
     "Vänner, grannar och andra vuxna i vardagen utan formell roll."},
};
const size_t catalogue_n_actors = sizeof catalogue_actors / sizeof catalogue_actors[0];

const struct catalogue_category catalogue_categories[] = {
    {"no-responsible", "Ingen aktör ansvarig",
     "Behovet var känt, men ingen aktör hade eller tog ansvaret."},
    {"handover-broke", "Överlämningen brast",
     "En remiss eller överlämning kom inte fram, togs inte emot eller ledde inte till något."},
    {"waiting-time", "Väntetid", "Den unga fick vänta så länge att behovet växte eller ändrades."},
    {"outside-criteria", "Utanför kriterierna",
     "Den unga passade inte in i någon verksamhets målgrupp eller krav för insats."},
    {"age-transition", "Åldersövergång (18/20/21)",
     "Stödet tog slut eller bytte huvudman vid en åldersgräns utan att något nytt tog vid."},
    {"info-not-shared", "Information delades inte",
     "Det en aktör visste nådde inte den som behövde veta, av sekretess eller vana."},
    {"contradictory-demands", "Motstridiga krav",
     "Aktörer ställde krav på den unga som inte gick att uppfylla samtidigt."},
    {"ended-abruptly", "Insatsen avslutades abrupt",
     "En insats som hjälpte tog slut utan plan för vad som skulle komma efter."},
    {"never-reached", "Nåddes aldrig",
     "Insatsen fanns, men nådde aldrig fram till den unga eller familjen."},
    {"voice-not-heard", "Den ungas röst hördes inte",
     "Beslut togs utan att den unga fick säga sitt eller blev lyssnad på."},
    {"no-mandate", "Inget mandat att vara flexibel",
     "Den som såg behovet fick inte anpassa insatsen eller gå utanför sitt uppdrag."},
};
const size_t catalogue_n_categories = sizeof catalogue_categories / sizeof catalogue_categories[0];

/* Phrased generally where the rule has exceptions; the workshop adds local detail. */
const struct catalogue_threshold catalogue_thresholds[] = {
    {15, "Straffmyndig", NULL, true},
    {16, "Skolplikten har upphört", "Skolan (grundskola)", false},
    {16, "Aktivitetsansvaret gäller", "Kommunala aktivitetsansvaret (KAA)", true},
    {18, "Myndig", NULL, true},
    {18, "BUP slutar", "BUP", false},
    {18, "Vuxenpsykiatrin tar över", "Vuxenpsykiatrin", true},
    {18, "Soc barn och unga slutar", "Socialtjänsten (barn och unga)", false},
    {18, "Soc vuxen tar över", "Socialtjänsten (vuxen)", true},
    {19, "Aktivitetsersättning kan sökas", "Försäkringskassan", true},
    {20, "Aktivitetsansvaret slutar", "Kommunala aktivitetsansvaret (KAA)", false},
    {20, "Rätten att börja gymnasiet slutar", "Gymnasieskolan", false},
    {20, "Komvux kan börja", "Gymnasieskolan", true},
    {21, "LVU-vård upphör senast", "Socialtjänsten (barn och unga)", false},
    {25, "Allaktivitetshusens målgrupp slutar", "Allaktivitetshuset", false},
    {25, "Arbetsförmedlingens insatser för unga slutar", "Arbetsförmedlingen", false},
    {30, "Ungdomsverksamheter slutar (KRUT: 14–30 år)", NULL, false},
};
const size_t catalogue_n_thresholds = sizeof catalogue_thresholds / sizeof catalogue_thresholds[0];

/* ---- the catalogue in memory --------------------------------------------------------------- */

static m_id actor_id_of(const struct m_actor_list *actors, const char *name)
{
	for (size_t i = 0; i < actors->n; i++)
		if (strcmp(actors->items[i].name, name) == 0)
			return actors->items[i].id;
	return 0;
}

enum mstatus catalogue_build(const char *name, struct catalogue_set *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	out->actors.items = xcalloc(catalogue_n_actors, sizeof *out->actors.items);
	for (size_t i = 0; i < catalogue_n_actors; i++) {
		const struct catalogue_actor *c = &catalogue_actors[i];
		out->actors.items[out->actors.n++] = (struct m_actor){
		    .id = (m_id)i + 1,
		    .name = xstrdup(c->name),
		    .short_label = xstrdup(c->short_label),
		    .sector = c->sector,
		    .colour = (int)(i % 8),
		    .description = xstrdup(c->description),
		};
		m_uuid_new(out->actors.items[i].uuid);
	}
	out->categories.items = xcalloc(catalogue_n_categories, sizeof *out->categories.items);
	for (size_t i = 0; i < catalogue_n_categories; i++) {
		const struct catalogue_category *c = &catalogue_categories[i];
		out->categories.items[out->categories.n++] = (struct m_category){
		    .id = (m_id)i + 1,
		    .code = xstrdup(c->code),
		    .name = xstrdup(c->name),
		    .description = xstrdup(c->description),
		    .sort_order = (int)i + 1,
		};
		m_uuid_new(out->categories.items[i].uuid);
	}
	out->thresholds.items = xcalloc(catalogue_n_thresholds, sizeof *out->thresholds.items);
	for (size_t i = 0; i < catalogue_n_thresholds; i++) {
		const struct catalogue_threshold *c = &catalogue_thresholds[i];
		m_id actor = c->actor ? actor_id_of(&out->actors, c->actor) : 0;
		if (c->actor && !actor) {
			catalogue_set_clear(out);
			return merr_set(
			    err, M_OTHER, MR_NOT_FOUND,
			    _("%s: the default threshold \"%s\" names an unknown actor"), name,
			    c->label);
		}
		out->thresholds.items[out->thresholds.n++] = (struct m_threshold){
		    .id = (m_id)i + 1,
		    .age = c->age,
		    .label = xstrdup(c->label),
		    .actor_id = actor,
		    .starts = c->starts,
		};
		m_uuid_new(out->thresholds.items[i].uuid);
	}
	return M_OK;
}

void catalogue_set_clear(struct catalogue_set *c)
{
	m_actor_list_clear(&c->actors);
	m_category_list_clear(&c->categories);
	m_threshold_list_clear(&c->thresholds);
}
