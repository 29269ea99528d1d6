// Before/after statistics of perception surveys, formula for formula as scipy 1.10 and statsmodels 0.13.5
// compute them (docs/surveys.md, checked by tests/tools/check_survey_stats.py).
#include "domain/survey_stats.hpp"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <map>
#include <unordered_map>

namespace passerelles::domain {

namespace {

// Boost.Math reports a domain or evaluation error as NaN instead of throwing; every figure goes through
// finite() below, so such a value becomes "not computable" rather than an exception in a page.
using Policy =
    boost::math::policies::policy<boost::math::policies::domain_error<boost::math::policies::ignore_error>,
                                  boost::math::policies::pole_error<boost::math::policies::ignore_error>,
                                  boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
                                  boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;
using Normal = boost::math::normal_distribution<double, Policy>;
using StudentT = boost::math::students_t_distribution<double, Policy>;
using Binomial = boost::math::binomial_distribution<double, Policy>;

std::optional<double> finite(double x) {
  if (!std::isfinite(x)) return std::nullopt;
  return x;
}

bool agrees(int value) {
  return value >= 4;
}

// The answers with a value of one phase of one question.
struct Sample {
  long n = 0, agree = 0;
  long long sum = 0, sum_sq = 0;
  std::map<int, long> counts;  // value -> answers

  void add(int v) {
    ++n;
    sum += v;
    sum_sq += static_cast<long long>(v) * v;
    if (agrees(v)) ++agree;
    ++counts[v];
  }
  double mean() const { return static_cast<double>(sum) / static_cast<double>(n); }
  // Sample variance (n − 1 denominator) from exact integer sums; needs n >= 2.
  double variance() const {
    long long num = static_cast<long long>(n) * sum_sq - sum * sum;
    return static_cast<double>(num) / (static_cast<double>(n) * static_cast<double>(n - 1));
  }
  double share() const { return static_cast<double>(agree) / static_cast<double>(n); }
};

// Two-sided p-value of a standard normal statistic.
double normal_two_sided(double z) {
  return 2.0 * cdf(complement(Normal(), std::fabs(z)));
}

// scipy.stats.ttest_ind(post, pre, equal_var=False): Welch's t with Welch–Satterthwaite degrees of freedom.
void welch(const Sample& post, const Sample& pre, QuestionStats& s) {
  if (post.n < 2 || pre.n < 2) return;
  double v1 = post.variance(), v2 = pre.variance();
  if (v1 == 0 && v2 == 0) return;
  double n1 = static_cast<double>(post.n), n2 = static_cast<double>(pre.n);
  double vn1 = v1 / n1, vn2 = v2 / n2;
  double df = (vn1 + vn2) * (vn1 + vn2) / (vn1 * vn1 / (n1 - 1) + vn2 * vn2 / (n2 - 1));
  double t = (post.mean() - pre.mean()) / std::sqrt(vn1 + vn2);
  s.welch_t = finite(t);
  s.welch_p = finite(2.0 * cdf(StudentT(df), -std::fabs(t)));
}

// scipy.stats.mannwhitneyu(post, pre, alternative='two-sided', method='asymptotic'): U of the post sample from
// mid-ranks of the pooled answers; p from max(U1, U2) with tie and continuity corrections. The p-value is not
// computable when every answer is the same value (the statistic has no variance).
void mann_whitney(const Sample& post, const Sample& pre, QuestionStats& s) {
  if (post.n == 0 || pre.n == 0) return;
  std::map<int, std::pair<long, long>> pooled;  // value -> (post answers, pre answers)
  for (const auto& [v, c] : post.counts) pooled[v].first += c;
  for (const auto& [v, c] : pre.counts) pooled[v].second += c;
  double r1 = 0, tie_term = 0, below = 0;
  for (const auto& [v, c] : pooled) {
    double t = static_cast<double>(c.first + c.second);
    double mid_rank = below + (t + 1) / 2;
    r1 += static_cast<double>(c.first) * mid_rank;
    tie_term += t * t * t - t;
    below += t;
  }
  double n1 = static_cast<double>(post.n), n2 = static_cast<double>(pre.n), n = n1 + n2;
  double u1 = r1 - n1 * (n1 + 1) / 2;
  s.mannwhitney_u = finite(u1);
  if (pooled.size() < 2) return;
  double u = std::max(u1, n1 * n2 - u1);
  double sd = std::sqrt(n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1))));
  double z = (u - n1 * n2 / 2 - 0.5) / sd;
  s.mannwhitney_p = finite(std::clamp(2.0 * cdf(complement(Normal(), z)), 0.0, 1.0));
}

// statsmodels confint_proportions_2indep(count1=agree_post, nobs1=n_post, count2=agree_pre, nobs2=n_pre,
// method='newcomb', compare='diff'): Newcombe's hybrid score interval from two Wilson intervals.
std::pair<double, double> wilson(long count, long nobs, double crit) {
  double n = static_cast<double>(nobs), q = static_cast<double>(count) / n, crit2 = crit * crit;
  double denom = 1 + crit2 / n;
  double center = (q + crit2 / (2 * n)) / denom;
  double dist = crit * std::sqrt(q * (1. - q) / n + crit2 / (4. * n * n)) / denom;
  return {center - dist, center + dist};
}

void shares(const Sample& post, const Sample& pre, QuestionStats& s) {
  if (pre.n > 0) s.agree_pre = pre.share();
  if (post.n > 0) s.agree_post = post.share();
  if (pre.n == 0 || post.n == 0) return;
  double p1 = post.share(), p2 = pre.share();
  s.agree_diff = p1 - p2;
  s.cohen_h = finite(2 * std::asin(std::sqrt(p1)) - 2 * std::asin(std::sqrt(p2)));

  double crit = quantile(complement(Normal(), 0.025));
  auto [low1, upp1] = wilson(post.agree, post.n, crit);
  auto [low2, upp2] = wilson(pre.agree, pre.n, crit);
  double d_low = std::sqrt((p1 - low1) * (p1 - low1) + (upp2 - p2) * (upp2 - p2));
  double d_upp = std::sqrt((p2 - low2) * (p2 - low2) + (upp1 - p1) * (upp1 - p1));
  auto low = finite(p1 - p2 - d_low), upp = finite(p1 - p2 + d_upp);
  if (low && upp) s.agree_diff_ci95 = std::make_pair(*low, *upp);

  // Pooled two-proportion z test; no variance when everyone or no one agrees.
  double n1 = static_cast<double>(post.n), n2 = static_cast<double>(pre.n);
  double pooled = static_cast<double>(post.agree + pre.agree) / (n1 + n2);
  if (pooled <= 0 || pooled >= 1) return;
  double z = (p1 - p2) / std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  s.two_prop_z = finite(z);
  s.two_prop_p = finite(normal_two_sided(z));
}

// Cohen's d: difference of the means over the pooled standard deviation (n − 1 denominators).
void cohen_d(const Sample& post, const Sample& pre, QuestionStats& s) {
  if (post.n < 2 || pre.n < 2) return;
  double n1 = static_cast<double>(post.n), n2 = static_cast<double>(pre.n);
  double pooled = ((n1 - 1) * post.variance() + (n2 - 1) * pre.variance()) / (n1 + n2 - 2);
  if (pooled <= 0) return;
  s.cohen_d = finite((post.mean() - pre.mean()) / std::sqrt(pooled));
}

// scipy.stats.wilcoxon(post − pre, zero_method='wilcox', correction=False, method='approx'): zero differences
// dropped, mid-ranks of |d|, T = min(R+, R−), variance corrected for tied ranks.
void wilcoxon(const std::vector<int>& diffs, QuestionStats& s) {
  std::map<int, std::pair<long, long>> by_size;  // |d| -> (positive, negative)
  for (int d : diffs) {
    if (d > 0) ++by_size[d].first;
    if (d < 0) ++by_size[-d].second;
  }
  if (by_size.empty()) return;
  double r_plus = 0, r_minus = 0, ties = 0, below = 0;
  for (const auto& [size, c] : by_size) {
    double t = static_cast<double>(c.first + c.second);
    double mid_rank = below + (t + 1) / 2;
    r_plus += static_cast<double>(c.first) * mid_rank;
    r_minus += static_cast<double>(c.second) * mid_rank;
    if (t > 1) ties += t * (t * t - 1);
    below += t;
  }
  double n = below;
  double mn = n * (n + 1.) * 0.25;
  double se = std::sqrt((n * (n + 1.) * (2. * n + 1.) - 0.5 * ties) / 24);
  double z = (std::min(r_plus, r_minus) - mn) / se;
  s.wilcoxon_p = finite(normal_two_sided(z));
}

// scipy.stats.binomtest(b, b + c, 0.5).pvalue, which for p = 0.5 is min(1, 2·P(X <= min(b, c))).
void mcnemar(long b, long c, QuestionStats& s) {
  if (b + c == 0) return;
  double p = 2.0 * cdf(Binomial(static_cast<double>(b + c), 0.5), static_cast<double>(std::min(b, c)));
  s.mcnemar_p = finite(std::min(1.0, p));
}

// Every answer of one question, split by phase, with what the codes link.
struct QuestionData {
  Sample pre, post;
  struct Link {
    int pre_answers = 0, post_answers = 0;  // answers bearing the code, with or without a value
    std::optional<int> pre, post;
  };
  std::unordered_map<std::string, Link> links;
};

bool on_scale(const std::optional<int>& v) {
  return v && *v >= 1 && *v <= 5;
}

}  // namespace

// Contract details beyond the header: a value outside 1–5 is left out like "je ne sais pas" (callers validate
// first). A code links a pre and a post answer only when it appears exactly once in each phase of the question
// (counting answers without a value) and both answers have a value; a code given twice in one phase is
// ambiguous and links nothing.
std::vector<QuestionStats> survey_stats(const std::vector<ScaleAnswer>& answers) {
  std::vector<std::string> order;
  std::unordered_map<std::string, QuestionData> data;
  for (const auto& a : answers) {
    auto [it, inserted] = data.try_emplace(a.question);
    if (inserted) order.push_back(a.question);
    QuestionData& q = it->second;
    std::optional<int> value = on_scale(a.value) ? a.value : std::nullopt;
    if (value) (a.post ? q.post : q.pre).add(*value);
    if (a.code.empty()) continue;
    auto& link = q.links[a.code];
    ++(a.post ? link.post_answers : link.pre_answers);
    (a.post ? link.post : link.pre) = value;
  }

  std::vector<QuestionStats> out;
  out.reserve(order.size());
  for (const auto& question : order) {
    const QuestionData& q = data.at(question);
    QuestionStats s;
    s.question = question;
    s.n_pre = q.pre.n;
    s.n_post = q.post.n;
    if (q.pre.n > 0) s.mean_pre = q.pre.mean();
    if (q.post.n > 0) s.mean_post = q.post.mean();
    welch(q.post, q.pre, s);
    mann_whitney(q.post, q.pre, s);
    shares(q.post, q.pre, s);
    cohen_d(q.post, q.pre, s);

    std::vector<int> diffs;
    long b = 0, c = 0;  // agreeing before only, after only
    for (const auto& [code, link] : q.links) {
      if (link.pre_answers != 1 || link.post_answers != 1 || !link.pre || !link.post) continue;
      diffs.push_back(*link.post - *link.pre);
      if (agrees(*link.pre) && !agrees(*link.post)) ++b;
      if (!agrees(*link.pre) && agrees(*link.post)) ++c;
    }
    s.paired_n = static_cast<long>(diffs.size());
    wilcoxon(diffs, s);
    mcnemar(b, c, s);
    s.small_sample = s.n_pre < kSmallSample || s.n_post < kSmallSample;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace passerelles::domain
